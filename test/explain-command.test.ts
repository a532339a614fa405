// git-push-tutor explain end to end, through node on the source entry (no build needed): exit
// codes, --json, a paste piped in and one given as arguments.
import {spawn} from 'node:child_process';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import test from 'ava';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const entry = path.join(root, 'source', 'cli.tsx');

type Run = {code: number | null; stdout: string; stderr: string};

async function explain(args: string[], input = ''): Promise<Run> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, ['--import=tsx', entry, 'explain', ...args], {cwd: root, env: {...process.env, NO_COLOR: '1'}});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk: Buffer) => {
			stdout += chunk.toString();
		});
		child.stderr.on('data', (chunk: Buffer) => {
			stderr += chunk.toString();
		});
		child.on('error', reject);
		child.on('close', code => {
			resolve({code, stdout, stderr});
		});
		child.stdin.end(input);
	});
}

const fetchFirst = '$ git push\nTo github.com:ann/shop.git\n ! [rejected]        main -> main (fetch first)\nerror: failed to push some refs to \'github.com:ann/shop.git\'\n';

test('a piped error is explained: exit 0, the way out and where to practise', async t => {
	const run = await explain([], fetchFirst);
	t.is(run.code, 0, run.stderr);
	t.regex(run.stdout, /Way out: Bring them home first: git pull/);
	t.regex(run.stdout, /Practise it: git-push-tutor --practice pull-first/);
	for (const line of run.stdout.trimEnd().split('\n')) {
		t.true(line.length <= 80, line);
	}
});

test('the error can be given as arguments', async t => {
	const run = await explain(['fatal:', 'No', 'configured', 'push', 'destination.']);
	t.is(run.code, 0, run.stderr);
	t.regex(run.stdout, /git remote add origin/);
});

test('--json prints the findings as data', async t => {
	const run = await explain(['--json'], `${fetchFirst}$ git push\nfatal: The current branch dev has no upstream branch.\n`);
	t.is(run.code, 0, run.stderr);
	const data = JSON.parse(run.stdout) as {kind: string; findings: Array<{id: string; details: Record<string, string>; practise: string | null}>};
	t.is(data.kind, 'explained');
	t.deepEqual(data.findings.map(finding => finding.id), ['fetch-first', 'no-upstream']);
	t.is(data.findings[0]!.details['branch'], 'main');
	t.is(data.findings[0]!.practise, 'git-push-tutor --practice pull-first');
});

test('what is not a git error exits 1 and says what it can explain', async t => {
	const run = await explain([], 'my push did not work\n');
	t.is(run.code, 1);
	t.regex(run.stdout, /I do not recognise this/);
	t.regex(run.stdout, /No configured push destination/);
	const json = await explain(['--json'], '');
	t.is(json.code, 1);
	t.is((JSON.parse(json.stdout) as {kind: string}).kind, 'unknown');
});

test('a translated message exits 1 and suggests LC_ALL=C', async t => {
	const run = await explain([], '$ git push\nfatal: no es un repositorio git (ni ninguno de los directorios superiores): .git\n');
	t.is(run.code, 1);
	t.regex(run.stdout, /LC_ALL=C git push/);
});

test('an unknown option is a usage problem: exit 2', async t => {
	const run = await explain(['--jsn']);
	t.is(run.code, 2);
	t.regex(run.stderr, /Did you mean --json\?/);
});
