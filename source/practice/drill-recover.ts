// The recover drill: the warehouse lost boxes through someone's forced push, and the learner brings
// them back without forcing anything. Eight shapes, each a different place the lost boxes survive
// or a different way back; the shape is chosen first, uniformly, then its details.
import type {Random} from './prng.ts';
import {Desk, type DrillContent} from './world.ts';
import type {ShapeMaker} from './recover-shared.ts';
import {foundLate, inRemoteReflog, onYourBranch} from './recover-kept.ts';
import {onAnotherBranch, onlyInSamsClone} from './recover-elsewhere.ts';
import {rebasedCopies, severalApart} from './recover-rewritten.ts';
import {conflicting} from './recover-conflict.ts';

export const recoverShapes = [
	'on your branch',
	'in the remote reflog',
	'only in Sam\'s clone',
	'on another branch',
	'several apart',
	'found late',
	'conflicting',
	'rebased copies',
] as const;

type RecoverShape = (typeof recoverShapes)[number];

const makers: Record<RecoverShape, ShapeMaker> = {
	'on your branch': onYourBranch,
	'in the remote reflog': inRemoteReflog,
	'only in Sam\'s clone': onlyInSamsClone,
	'on another branch': onAnotherBranch,
	'several apart': severalApart,
	'found late': foundLate,
	conflicting,
	'rebased copies': rebasedCopies,
};

export function recover(random: Random): DrillContent {
	const shape = random.pick(recoverShapes);
	return makers[shape](random, new Desk(random));
}
