// How a drill went: what the learner did, counted while it was played (the tally), and the run
// that is kept (score, what to improve). Pure: the clock is passed in.

/** Counted while a drill is played, across resets: starting over does not wipe a force. */
export type RunTally = {
	/** When the drill was opened (ms since the epoch). */
	startedAt: number;
	/** Lines that ran or were refused: git commands and file helpers, not tutor words. */
	commands: number;
	hints: number;
	/** Pushes that forced where the drill did not ask for it, or without a lease where it did. */
	forced: number;
	/** Commands after which the warehouse had lost boxes. */
	lost: number;
	/** Boxes left twice in the history. */
	twice: number;
	/** Played without hints (a challenge). */
	challenge: boolean;
};

export const freshTally = (startedAt: number, challenge: boolean): RunTally => ({startedAt, commands: 0, hints: 0, forced: 0, lost: 0, twice: 0, challenge});

/** One finished drill, as the progress file keeps it. */
export type DrillRun = {
	/** When it was finished (ISO 8601). */
	at: string;
	seed: number;
	score: number;
	commands: number;
	/** Commands of the reference solution. */
	reference: number;
	hints: number;
	forced: boolean;
	lost: boolean;
	twice: boolean;
	seconds: number;
	challenge: boolean;
};

/** What the score takes off, so the learner sees what to improve: the help and the complete screen say these. */
export const scoreRules = {extraCommand: 5, hint: 10, forcedOrLost: 50, twice: 20} as const;

/** Nothing forced, nothing lost, no box twice: only a clean run lengthens the time until the drill is due again. */
export const isClean = (run: Pick<DrillRun, 'forced' | 'lost' | 'twice'>) => !run.forced && !run.lost && !run.twice;

export function finishRun(tally: RunTally, seed: number, reference: number, now: Date): DrillRun {
	const run = {
		at: now.toISOString(),
		seed,
		commands: tally.commands,
		reference,
		hints: tally.hints,
		forced: tally.forced > 0,
		lost: tally.lost > 0,
		twice: tally.twice > 0,
		seconds: Math.max(0, Math.round((now.getTime() - tally.startedAt) / 1000)),
		challenge: tally.challenge,
	};
	const taken = (scoreRules.extraCommand * Math.max(0, run.commands - reference))
		+ (scoreRules.hint * run.hints)
		+ (run.forced || run.lost ? scoreRules.forcedOrLost : 0)
		+ (run.twice ? scoreRules.twice : 0);
	return {...run, score: Math.max(0, 100 - taken)};
}

function duration(seconds: number): string {
	const minutes = Math.floor(seconds / 60);
	return minutes === 0 ? `${seconds} s` : `${minutes} min ${String(seconds % 60).padStart(2, '0')} s`;
}

/** The score and each thing it counted, in words: what to improve next time. */
export function runLines(run: DrillRun): string[] {
	const extra = run.commands - run.reference;
	return [
		`Score ${run.score} of 100${run.challenge ? ' · a challenge, without hints' : ''} · ${duration(run.seconds)}`,
		`Commands: ${run.commands} (the reference solution takes ${run.reference})${extra > 0 ? ` −${scoreRules.extraCommand * extra}` : ''}`,
		`Hints: ${run.hints}${run.hints > 0 ? ` −${scoreRules.hint * run.hints}` : ''}`,
		run.forced || run.lost
			? `Not clean: ${[run.forced ? 'a push used force the drill did not ask for' : '', run.lost ? 'the warehouse lost boxes for a while' : ''].filter(Boolean).join('; ')} −${scoreRules.forcedOrLost}`
			: 'Nothing forced that the drill did not ask for, and nothing lost.',
		...(run.twice ? [`A box ended up twice in your history −${scoreRules.twice}`] : []),
	];
}

/** The best run: the highest score, the quicker one on a tie. */
export function bestRun(runs: readonly DrillRun[]): DrillRun | undefined {
	return runs.reduce<DrillRun | undefined>((best, run) => (best === undefined || run.score > best.score || (run.score === best.score && run.seconds < best.seconds) ? run : best), undefined);
}
