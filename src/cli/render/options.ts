/** What every renderer needs besides the objects: the clock and whether to colour. */
export interface RenderOptions {
  /** Milliseconds since the epoch; ages and delays are relative to it. */
  now: number;
  color: boolean;
}
