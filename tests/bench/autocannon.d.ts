// The few fields of autocannon 8 the gallery bench reads (the package ships no types).
declare module 'autocannon' {
	interface Options {
		url: string;
		connections?: number;
		duration?: number;
		/** Seconds before a request counts as timed out. */
		timeout?: number;
	}
	interface Histogram {
		average: number;
		p99: number;
	}
	interface Result {
		requests: Histogram;
		latency: Histogram;
		errors: number;
		non2xx: number;
	}
	function autocannon(options: Options): Promise<Result>;
	export default autocannon;
}
