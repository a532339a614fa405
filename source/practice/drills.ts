// One generator per drill, each in its own file. Each builds an ordinary lesson (setup, steps,
// checks, nudges, hints and a reference solution) from a seeded random source, so a seed
// always gives the same drill.
import type {DrillName} from './drill-names.ts';
import type {Random} from './prng.ts';
import type {DrillContent} from './world.ts';
import {address, addressShapes} from './drill-address.ts';
import {conflict, conflictShapes} from './drill-conflict.ts';
import {force, forceShapes} from './drill-force.ts';
import {pullFirst, pullFirstShapes} from './drill-pull-first.ts';
import {recover, recoverShapes} from './drill-recover.ts';
import {revert, revertShapes} from './drill-revert.ts';

export const generators: Record<DrillName, (random: Random) => DrillContent> = {
	address,
	'pull-first': pullFirst,
	conflict,
	force,
	recover,
	revert,
};

/** The structurally different situations each drill makes: a variant starts with one of them. */
export const drillShapes: Record<DrillName, readonly string[]> = {
	address: addressShapes,
	'pull-first': pullFirstShapes,
	conflict: conflictShapes,
	force: forceShapes,
	recover: recoverShapes,
	revert: revertShapes,
};
