// Plays the built CLI in a real pseudo-terminal and renders its output with xterm, so end-to-end
// tests assert on what a learner would see, not on the raw bytes Ink happens to write.
import {mkdtempSync, realpathSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import process from 'node:process';
import {setTimeout as delay} from 'node:timers/promises';
import {fileURLToPath} from 'node:url';
import {spawn, type IPty} from '@lydell/node-pty';
// The package is CommonJS: Node's ESM loader sees only its default export.
import headless, {type Terminal} from '@xterm/headless';

export const cliPath = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

const keys = {
	enter: '\r',
	up: '\u001B[A',
	down: '\u001B[B',
	right: '\u001B[C',
	left: '\u001B[D',
	home: '\u001B[H',
	end: '\u001B[F',
	delete: '\u001B[3~',
	backspace: '\u007F',
	escape: '\u001B',
	tab: '\t',
	'ctrl-c': '\u0003',
	'ctrl-d': '\u0004',
	'ctrl-l': '\u000C',
	'ctrl-u': '\u0015',
} as const;

export type KeyName = keyof typeof keys;

export type PtyOptions = {
	/** The CLI script to run with node; the freshly built dist/cli.js by default. */
	cli?: string;
	args?: readonly string[];
	cols?: number;
	rows?: number;
	/** Added to (and overriding) the harness's environment. */
	env?: Record<string, string>;
	/** A command that runs the tutor (node, the CLI and its arguments follow), e.g. unshare for a tiny disk. */
	wrap?: readonly string[];
};

/** The environment the tutor sees: only what it needs, so the runner's CI variables stay out. */
function tutorEnv(home: string, progressFile: string, extra: Record<string, string> | undefined): Record<string, string> {
	const env: Record<string, string> = {
		// With CI set, Ink writes nothing until the app exits.
		CI: 'false',
		TERM: 'xterm-256color',
		HOME: home,
		XDG_CONFIG_HOME: path.join(home, '.config'),
		GIT_PUSH_TUTOR_PROGRESS: progressFile,
	};
	for (const name of ['PATH', 'LANG', 'LC_ALL', 'TMPDIR', 'SYSTEMROOT']) {
		const value = process.env[name];
		if (value !== undefined) {
			env[name] = value;
		}
	}

	return {...env, ...extra};
}

export class TutorPty {
	/** A temp folder of the test's own: HOME, config and the progress file live here. */
	readonly dir: string;
	readonly home: string;
	readonly progressFile: string;
	private readonly pty: IPty;
	private readonly term: Terminal;
	/** Resolves once xterm has parsed everything received so far. */
	private parsed: Promise<void> = Promise.resolve();
	private raw = '';
	private lastData = Date.now();
	private readonly exit: Promise<number>;
	private exitCode: number | undefined;
	private disposed = false;
	/** Window titles the output set (OSC 0/2), in order. */
	readonly titles: string[] = [];
	/** Clipboard writes the output asked for (OSC 52). */
	readonly clipboardWrites: string[] = [];

	constructor(options: PtyOptions = {}) {
		const cols = options.cols ?? 80;
		const rows = options.rows ?? 24;
		// Not "git-push-tutor-": tests look for leftover sandboxes by that prefix.
		this.dir = mkdtempSync(path.join(tmpdir(), 'gpt-e2e-'));
		this.home = path.join(this.dir, 'home');
		this.progressFile = path.join(this.dir, 'progress.json');
		this.term = new headless.Terminal({cols, rows, scrollback: 10_000, allowProposedApi: true});
		this.term.onTitleChange(title => {
			this.titles.push(title);
		});
		this.term.parser.registerOscHandler(52, data => {
			this.clipboardWrites.push(data);
			return true;
		});
		const command = [...(options.wrap ?? []), process.execPath, options.cli ?? cliPath, ...(options.args ?? [])];
		this.pty = spawn(command[0]!, command.slice(1), {
			name: 'xterm-256color',
			cols,
			rows,
			cwd: this.dir,
			env: tutorEnv(this.home, this.progressFile, options.env),
		});
		this.pty.onData(data => {
			this.raw += data;
			this.lastData = Date.now();
			// Chained so a flush waits for this chunk and every one before it.
			this.parsed = this.parsed.then(async () => new Promise(resolve => {
				this.term.write(data, resolve);
			}));
		});
		this.exit = new Promise(resolve => {
			this.pty.onExit(({exitCode}) => {
				this.exitCode = exitCode;
				resolve(exitCode);
			});
		});
	}

	/** The tutor's process id (for reading its memory use). */
	get pid(): number {
		return this.pty.pid;
	}

	get running(): boolean {
		return this.exitCode === undefined;
	}

	/** Waits until xterm has drawn all output received so far. */
	async flush(): Promise<void> {
		await this.parsed;
	}

	/** The visible rows, top to bottom, as the terminal shows them now. */
	screen(): string {
		const buffer = this.term.buffer.active;
		const rows: string[] = [];
		for (let y = buffer.baseY; y < buffer.baseY + this.term.rows; y++) {
			rows.push(buffer.getLine(y)?.translateToString(true) ?? '');
		}

		return rows.join('\n');
	}

	/**
	 * Everything still in the terminal, history included. Rows the terminal wrapped itself are
	 * joined back into one line, so a long path printed after exit can be read whole.
	 */
	scrollback(): string {
		const buffer = this.term.buffer.active;
		const lines: string[] = [];
		for (let y = 0; y < buffer.length; y++) {
			const line = buffer.getLine(y);
			const text = line?.translateToString(true) ?? '';
			if (line?.isWrapped && lines.length > 0) {
				lines[lines.length - 1] += text;
			} else {
				lines.push(text);
			}
		}

		return lines.join('\n').replace(/\n+$/, '');
	}

	/** All bytes written so far with escape sequences removed: text that was ever drawn, even if later erased. */
	output(): string {
		return stripAnsi(this.raw);
	}

	/** The screen row holding the prompt label, or undefined when none is shown. */
	promptRow(label = '~/shipment'): string | undefined {
		// The live prompt is below every transcript line that repeats the label.
		return this.screen().split('\n').findLast(row => row.includes(label));
	}

	write(data: string): void {
		this.pty.write(data);
	}

	/** Types like a learner: a character or two at a time, with a short pause between. */
	async type(text: string, {chunk = 2, pauseMs = 8}: {chunk?: number; pauseMs?: number} = {}): Promise<void> {
		for (let index = 0; index < text.length; index += chunk) {
			this.pty.write(text.slice(index, index + chunk));
			await delay(pauseMs);
		}
	}

	/** A named key, or a single character such as a menu choice. */
	async press(key: KeyName | (string & Record<never, never>)): Promise<void> {
		this.pty.write(Object.hasOwn(keys, key) ? keys[key as KeyName] : key);
		await delay(10);
	}

	/** Types a line and presses Enter. */
	async enter(line: string): Promise<void> {
		await this.type(line);
		await this.press('enter');
	}

	/** Polls until the condition holds; on timeout the error shows the screen, to see why. */
	async waitUntil(condition: () => boolean, description: string, timeoutMs = 10_000): Promise<void> {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			await this.flush();
			if (condition()) {
				return;
			}

			if (Date.now() > deadline) {
				throw new Error(`Timed out after ${timeoutMs} ms waiting for ${description}${this.running ? '' : ` (the tutor exited with ${this.exitCode})`}.\n${this.describe()}`);
			}

			await delay(20);
		}
	}

	/** Waits for text to be on screen or in the scrollback. */
	async waitFor(expected: string | RegExp, timeoutMs = 10_000, where: 'screen' | 'scrollback' = 'scrollback'): Promise<void> {
		const read = where === 'screen' ? () => this.screen() : () => this.scrollback();
		const found = typeof expected === 'string' ? () => read().includes(expected) : () => expected.test(read());
		await this.waitUntil(found, `${String(typeof expected === 'string' ? JSON.stringify(expected) : expected)} on the ${where}`, timeoutMs);
	}

	/** A position in the output, for settle() to wait for anything written after it. */
	outputMark(): number {
		return this.raw.length;
	}

	/**
	 * Waits until no output has arrived for quietMs: the app has finished redrawing. With a mark,
	 * first waits for some output after it, so a redraw that has not started yet is not missed.
	 */
	async settle(quietMs = 200, timeoutMs = 10_000, mark?: number): Promise<void> {
		if (mark !== undefined) {
			await this.waitUntil(() => this.raw.length > mark, 'output after the mark', timeoutMs);
		}

		await this.waitUntil(() => Date.now() - this.lastData >= quietMs, `${quietMs} ms without output`, timeoutMs);
	}

	/** Resizes like a terminal window: the terminal reflows first, then the app is told. */
	async resize(cols: number, rows: number): Promise<void> {
		await this.flush();
		this.term.resize(cols, rows);
		this.pty.resize(cols, rows);
	}

	async exited(timeoutMs = 10_000): Promise<number> {
		let timer: NodeJS.Timeout | undefined;
		const timeout = new Promise<never>((_resolve, reject) => {
			timer = setTimeout(() => {
				reject(new Error(`The tutor did not exit within ${timeoutMs} ms.\n${this.describe()}`));
			}, timeoutMs);
		});
		try {
			const code = await Promise.race([this.exit, timeout]);
			// Output can still be on its way to xterm when the process ends.
			await delay(50);
			await this.flush();
			return code;
		} finally {
			clearTimeout(timer);
		}
	}

	describe(): string {
		const width = this.term.cols;
		const rule = '─'.repeat(width);
		return `Screen (${width}×${this.term.rows}):\n${rule}\n${this.screen()}\n${rule}`;
	}

	/** Sends a signal to the tutor, as a crash or `kill` would. */
	signal(name: 'SIGKILL' | 'SIGTERM' | 'SIGHUP' | 'SIGINT'): void {
		this.pty.kill(name);
	}

	/** Ends the tutor if it still runs and removes the harness's temp folder. Safe to call twice. */
	async kill(): Promise<void> {
		if (this.disposed) {
			return;
		}

		this.disposed = true;
		if (this.running) {
			// SIGHUP, like closing the window: the tutor removes its sandbox on the way out.
			this.pty.kill('SIGHUP');
			const ended = await Promise.race([this.exit.then(() => true), delay(3000).then(() => false)]);
			if (!ended) {
				this.pty.kill('SIGKILL');
			}
		}

		this.term.dispose();
		rmSync(this.dir, {recursive: true, force: true});
	}
}

export function startTutor(options: PtyOptions = {}): TutorPty {
	return new TutorPty(options);
}

// CSI, OSC and two-character escapes; enough for what Ink writes.
const ansiPattern = /\u001B\[[0-?]*[ -/]*[@-~]|\u001B\][^\u0007\u001B]*(?:\u0007|\u001B\\)|\u001B[@-Z\\-_]/g;

export function stripAnsi(text: string): string {
	return text.replace(ansiPattern, '');
}

/** How often a piece of text occurs. */
export function count(text: string, part: string): number {
	return text.split(part).length - 1;
}

/**
 * A folder of the test's own (for --workdir, a progress file, a pack), removed when the test ends.
 * Resolved: the sandbox path the tutor prints is real (macOS temp folders are symlinks).
 */
export function tempFolder(t: {teardown(fn: () => void): void}, prefix = 'gpt-e2e-work-'): string {
	const folder = realpathSync(mkdtempSync(path.join(tmpdir(), prefix)));
	t.teardown(() => {
		rmSync(folder, {recursive: true, force: true});
	});
	return folder;
}
