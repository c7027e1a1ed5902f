/** What a route allows other sites to do with its answer (kept apart so the context can name it). */
export interface Embedding {
  /** Origins ("'self'" for our own) that may frame the answer; an empty list forbids every site. */
  frameAncestors?: readonly string[]
  /** Any site may load the answer as a script or style (CORP cross-origin). */
  crossOriginScript?: boolean
}
