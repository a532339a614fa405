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
	/** Git printed more than the tutor keeps (maxOutputBytes) and was stopped. */
	tooMuchOutput: boolean;
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
/** A learner's command that prints more than this is stopped: nobody reads it, and holding it all would stall the screen. */
export const maxOutputBytes = 2_000_000;

const isWindows = process.platform === 'win32';

/**
 * Stops git and everything it started (an alias, a helper, ssh). Killing git alone would
 * leave a child holding the output pipe open, and the command would not end.
 * SIGTERM first: git removes its lock files on it.
 */
function stopProcessTree(pid: number | undefined): void {
	if (pid === undefined) {
		return;
	}

	if (isWindows) {
		void execa('taskkill', ['/pid', String(pid), '/T', '/F'], {reject: false, windowsHide: true});
		return;
	}

	const signalGroup = (signal: NodeJS.Signals) => {
		try {
			process.kill(-pid, signal);
		} catch {
			// Already gone.
		}
	};

	signalGroup('SIGTERM');
	setTimeout(() => {
		signalGroup('SIGKILL');
	}, 1000).unref();
}

export async function runGit(args: readonly string[], options: RunGitOptions): Promise<GitResult> {
	const env = options.internal ? {...options.env, LC_ALL: 'C', LANGUAGE: 'C'} : options.env;
	const fullArgs = options.internal ? ['-c', 'color.ui=never', ...args] : [...args];
	const subprocess = execa('git', fullArgs, {
		cwd: options.cwd,
		env,
		extendEnv: false,
		stdin: 'ignore',
		all: true,
		reject: false,
		stripFinalNewline: false,
		// Plumbing reads the whole sandbox history, which a learner cannot make huge in 20 s.
		...(options.internal ? {} : {maxBuffer: maxOutputBytes}),
		// Its own process group, so a stop reaches git's children too.
		detached: !isWindows,
		windowsHide: true,
	});
	let timedOut = false;
	let cancelled = false;
	// Git has exited, but a child that left its process group (setsid) can hold the output pipe
	// open for as long as it runs: then stop reading, so the command still ends. After a stop at
	// once; after a normal exit, once whatever git wrote has surely been read.
	// A busy event loop can run that timer before it delivers output already in the pipe, so the
	// decision waits for one more turn of I/O (setImmediate) and for a quiet interval: output that
	// is still arriving is read to the end.
	let streamTimer: NodeJS.Timeout | undefined;
	let arrived = false;
	const noteArrival = () => {
		arrived = true;
	};

	subprocess.stdout?.on('data', noteArrival);
	subprocess.stderr?.on('data', noteArrival);
	const stopReadingWhenQuiet = (wait: number) => {
		streamTimer = setTimeout(() => {
			setImmediate(() => {
				const open = subprocess.stdout?.readableEnded === false || subprocess.stderr?.readableEnded === false;
				if (open && arrived) {
					arrived = false;
					stopReadingWhenQuiet(wait);
				} else if (open) {
					subprocess.stdout?.destroy();
					subprocess.stderr?.destroy();
				}
			});
		}, wait);
	};

	subprocess.once('exit', () => {
		arrived = false;
		stopReadingWhenQuiet(timedOut || cancelled ? 100 : 1000);
	});
	const timer = setTimeout(() => {
		timedOut = true;
		stopProcessTree(subprocess.pid);
	}, options.timeoutMs ?? defaultTimeoutMs);
	const cancel = () => {
		cancelled = true;
		stopProcessTree(subprocess.pid);
	};

	options.signal?.addEventListener('abort', cancel, {once: true});
	if (options.signal?.aborted) {
		cancel();
	}

	try {
		const result = await subprocess;
		const tooMuchOutput = result.isMaxBuffer;
		const stopped = timedOut || cancelled || tooMuchOutput;
		const startError = result.exitCode === undefined && !stopped ? result.shortMessage : undefined;
		return {
			exitCode: result.exitCode ?? (stopped ? 130 : 127),
			output: result.all ?? '',
			stdout: result.stdout ?? '',
			timedOut,
			cancelled,
			tooMuchOutput,
			...(startError === undefined ? {} : {startError}),
		};
	} finally {
		clearTimeout(timer);
		clearTimeout(streamTimer);
		options.signal?.removeEventListener('abort', cancel);
	}
}

/** Runs an internal git call and returns stdout, or throws with git's output. */
export async function gitOutput(args: readonly string[], options: Omit<RunGitOptions, 'internal'>): Promise<string> {
	const result = await runGit(args, {...options, internal: true});
	if (result.exitCode !== 0) {
		throw new Error(`git ${args.join(' ')} failed (${result.exitCode}): ${result.output.trim()}`);
	}

	return result.stdout;
}
