export { RunningStats } from './running.js';
export { LevelIntegral } from './level-integral.js';
export { tCdf, tQuantile, incompleteBeta } from './student-t.js';
