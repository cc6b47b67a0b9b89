/**
 * Seam for blue-green pre/post-promotion analysis (the analysis issue fills it in). Until then a
 * rollout that asks for such an analysis waits where the analysis would run: before the active
 * switch (pre) or before the new RS is marked stable (post); `promote --full` skips both.
 */
import type { DecideContext } from './context.ts';

export function prePromotionAnalysisSuccessful(ctx: DecideContext): boolean {
  if (!ctx.ro.spec.strategy.blueGreen?.prePromotionAnalysis) return true;
  ctx.note('prePromotionAnalysis is not supported yet: waiting (promote --full skips it)');
  return false;
}

export function postPromotionAnalysisSuccessful(ctx: DecideContext): boolean {
  if (!ctx.ro.spec.strategy.blueGreen?.postPromotionAnalysis) return true;
  ctx.note('postPromotionAnalysis is not supported yet: waiting (promote --full skips it)');
  return false;
}
