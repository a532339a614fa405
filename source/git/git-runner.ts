// The one place that starts git. Every process gets the sandbox's environment, a time limit,
// no standard input (so nothing can wait for a password or an editor) and can be cancelled.
import {execa} from 'execa';

export type GitResult = {
	exitCode: number;
	/** stdout and stderr interleaved, as a terminal would show them. */
	output: string;
	stdout: string;
	timedOut: boolean;
	cancelled: boolean;
	/** Set when git itself could not be started. */
	startError?: string;
};

export type RunGitOptions = {
	cwd: string;
	env: Record<string, string>;
	signal?: AbortSignal;
	timeoutMs?: number;
	/** Checks read plumbing output: untranslated and uncoloured. */
	internal?: boolean;
};

export const defaultTimeoutMs = 20_000;

export async function runGit(args: readonly string[], options: RunGitOptions): Promise<GitResult> {
	const env = options.internal ? {...options.env, LC_ALL: 'C', LANGUAGE: 'C'} : options.env;
	const fullArgs = options.internal ? ['-c', 'color.ui=never', ...args] : [...args];
	const result = await execa('git', fullArgs, {
		cwd: options.cwd,
		env,
		extendEnv: false,
		stdin: 'ignore',
		all: true,
		reject: false,
		stripFinalNewline: false,
		timeout: options.timeoutMs ?? defaultTimeoutMs,
		cancelSignal: options.signal,
		forceKillAfterDelay: 1000,
		windowsHide: true,
	});
	const startError = result.exitCode === undefined && !result.timedOut && !result.isCanceled
		? result.shortMessage
		: undefined;
	return {
		exitCode: result.exitCode ?? (result.timedOut || result.isCanceled ? 130 : 127),
		output: result.all ?? '',
		stdout: result.stdout ?? '',
		timedOut: result.timedOut,
		cancelled: result.isCanceled,
		...(startError === undefined ? {} : {startError}),
	};
}

/** Runs an internal git call and returns stdout, or throws with git's output. */
export async function gitOutput(args: readonly string[], options: Omit<RunGitOptions, 'internal'>): Promise<string> {
	const result = await runGit(args, {...options, internal: true});
	if (result.exitCode !== 0) {
		throw new Error(`git ${args.join(' ')} failed (${result.exitCode}): ${result.output.trim()}`);
	}

	return result.stdout;
}
