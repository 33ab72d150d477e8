// Types of benchmarks.js, the published ranges of what creators' fees cost per 1,000 views and
// per engagement, written by the build from the engine's sources (src/describe.rs). Data to
// show beside the engine's feePerThousandViews and feePerEngagement: nothing computes with it.
// tests/js/facts.test.mjs checks the module; tests/js/types.test.mjs checks it against these types.

/** A published range of costs, in the benchmarks' currency. */
export interface Span {
  readonly low: number;
  readonly high: number;
}

/** Published ranges of what creators' fees cost per 1,000 views and per engagement (data, not model). */
interface Benchmarks {
  /** The currency the ranges are published in (they are not converted). */
  readonly currency: string;
  readonly platform: string;
  /** Sizes by follower count, smallest first; a band runs up to the next band's `minFollowers`. */
  readonly bands: readonly { readonly id: string; readonly minFollowers: number; readonly cpm: Span }[];
  /** Cost per engagement, published for all sizes only. */
  readonly cpe: Span;
  readonly sources: readonly { readonly id: string; readonly text: string; readonly url: string; readonly year: number }[];
}

/** Frozen, all the way down. */
declare const benchmarks: Benchmarks;
export default benchmarks;
