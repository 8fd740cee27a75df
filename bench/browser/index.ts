export { createThousandClauseTemplate } from './createThousandClauseTemplate.ts';
export { type FillProbes, installFillProbes, takeFillSamples } from './installFillProbes.ts';
export { installProbes } from './installProbes.ts';
export { measureOpen } from './measureOpen.ts';
export type { BenchProbes, PageWindow } from './PageGlobals.ts';
export { typeKeys } from './typeKeys.ts';
