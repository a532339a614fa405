// Issue 13's corpus: every git error the issue lists, made by real git (the machine's, 2.20.5 and
// 2.55.0 when built), and GitHub's and the network's messages as fixtures, each pasted as a learner
// would (plain, without hints, in colour, with CRLF, with the prompt, hard-wrapped, two at once),
// must be explained with its own catalogue id and a way out; what is not a git error must not be.
import {readdirSync, readFileSync, existsSync} from 'node:fs';
import {homedir} from 'node:os';
import path from 'node:path';
import test from 'ava';
import {explainText} from '../source/explain/explain-text.ts';
import {recognisedIds} from '../source/explain/explanation-lines.ts';
import {explanations, type FailureId} from '../source/explain/explanations.ts';
import {produceCorpus, produceQuietOutput, skippedScenarios, versionOf, type CorpusCase, type QuietCase} from './helpers/error-corpus.ts';
import {variants} from './helpers/paste-variants.ts';

/** Every catalogue id issue 13 lists under "What it recognises". */

// Where scripts/test-with.sh and ../shared/tools/build-git.sh keep their builds.
const builds = process.env['GIT_BUILDS'] ?? path.join(process.env['XDG_CACHE_HOME'] ?? path.join(homedir(), '.cache'), 'git-push-tutor-git-builds');

type Git = {label: string; bin: string | undefined; missing?: string};

const gits: Git[] = [
	{label: `the machine's git ${versionOf(undefined)}`, bin: undefined},
	...['2.20.5', '2.55.0'].map(version => {
		const bin = path.join(builds, version, 'bin');
		return existsSync(path.join(bin, 'git'))
			? {label: `git ${version}`, bin}
			: {label: `git ${version}`, bin, missing: `no build in ${bin} (make it with ../shared/tools/build-git.sh ${version})`};
	}),
];

// One git's corpus at a time: each makes a few dozen repositories, and the machine may have two cores.
let turn: Promise<unknown> = Promise.resolve();
const made = new Map<Git, Promise<{cases: CorpusCase[]; quiet: QuietCase[]}>>();
async function corpusOf(git: Git) {
	let corpus = made.get(git);
	if (corpus === undefined) {
		corpus = turn.then(async () => ({cases: await produceCorpus(git.bin), quiet: await produceQuietOutput(git.bin)}));
		turn = corpus.catch(() => undefined);
		made.set(git, corpus);
	}

	return corpus;
}

/**
 * The way out must be something to do: a command, an address to visit, or, where the server decides
 * (a hook, a permission), the step named in words ("push again", "sign in again", "a fork").
 */
const namesAWayOut = (wayOut: string) => /\bgit |\bssh(-keygen)? |https?:\/\/|github\.com\/settings|\bpush again\b|\bsign in\b|\bfork\b/.test(wayOut);

const squeezed = (text: string) => text.replaceAll(/\s+/g, ' ').trim();

/** What is wrong with explain's answer to a paste of one error, or undefined when it is right. */
function problem(text: string, id: FailureId, options: {signalFromPaste?: boolean} = {}): string | undefined {
	const result = explainText(text);
	if (result.kind !== 'explained') {
		return `answered ${result.kind}`;
	}

	const [first] = result.findings;
	if (first === undefined) {
		return 'explained with no finding';
	}

	if (first.id !== id) {
		return `explained as ${result.findings.map(finding => finding.id).join(', ')}`;
	}

	if (!namesAWayOut(first.wayOut)) {
		return `no way out to type or visit: ${first.wayOut}`;
	}

	if (/{\w+}/.test(`${first.meaning} ${first.wayOut}`)) {
		return `a placeholder is left: ${first.meaning} ${first.wayOut}`;
	}

	if (options.signalFromPaste && !squeezed(text).includes(squeezed(first.signal))) {
		return `the signal is not a line of the paste: ${first.signal}`;
	}

	return undefined;
}

const report = (problems: string[]) => problems.length === 0 ? [] : [`${problems.length} wrong:`, ...problems];

for (const git of gits) {
	if (git.missing !== undefined) {
		test.skip(`${git.label}: ${git.missing}`, () => {});
		continue;
	}

	test(`${git.label}: every git error case is explained with its id and a way out`, async t => {
		t.timeout(120_000);
		const {cases} = await corpusOf(git);
		for (const skipped of skippedScenarios(git.bin)) {
			t.log(`not made: ${skipped.name}, ${skipped.reason}`);
		}

		t.true(cases.length >= 30, `only ${cases.length} cases were made`);
		const problems = cases.flatMap(corpusCase => {
			const wrong = problem(corpusCase.text, corpusCase.id, {signalFromPaste: true});
			return wrong === undefined ? [] : [`${corpusCase.name}: ${wrong}\n${corpusCase.text}`];
		});
		t.deepEqual(report(problems), []);
	});

	for (const variant of variants) {
		test(`${git.label}: every git error case ${variant.name} is explained with its id`, async t => {
			t.timeout(120_000);
			const {cases} = await corpusOf(git);
			const problems = cases.flatMap(corpusCase => {
				const wrong = problem(variant.change(corpusCase.text), corpusCase.id);
				return wrong === undefined ? [] : [`${corpusCase.name}, ${variant.name}: ${wrong}\n${JSON.stringify(variant.change(corpusCase.text))}`];
			});
			t.deepEqual(report(problems), []);
		});
	}

	test(`${git.label}: two errors in one paste are both explained, in order`, async t => {
		t.timeout(120_000);
		const {cases} = await corpusOf(git);
		const problems = cases.flatMap((first, index) => {
			// The next case about another error, so the two ids differ.
			const second = [...cases.slice(index + 1), ...cases.slice(0, index)].find(other => other.id !== first.id);
			if (second === undefined) {
				return [];
			}

			const result = explainText(`${first.text.trimEnd()}\n${second.text}`);
			const ids: string[] = result.kind === 'explained' ? result.findings.map(finding => finding.id) : [result.kind];
			return ids[0] === first.id && ids.indexOf(second.id, 1) > 0 ? [] : [`${first.name} + ${second.name}: got ${ids.join(', ')}`];
		});
		t.deepEqual(report(problems), []);
	});

	test(`${git.label}: output of commands that worked, and English errors explain does not cover, get "I don't recognise this"`, async t => {
		t.timeout(120_000);
		const {quiet} = await corpusOf(git);
		t.true(quiet.length > 0);
		const problems = quiet.flatMap(output => {
			const result = explainText(output.text);
			return result.kind === 'unknown' ? [] : [`${output.name}: answered ${result.kind === 'explained' ? result.findings.map(finding => finding.id).join(', ') : result.kind}\n${output.text}`];
		});
		t.deepEqual(report(problems), []);
	});
}

// Fixtures: "<id>--<variant>.txt", "translated--<variant>.txt" or "unknown--<variant>.txt".
const fixtureFolder = path.join(import.meta.dirname, 'fixtures', 'explain');
const fixtures = readdirSync(fixtureFolder)
	.filter(name => name.endsWith('.txt'))
	.map(name => ({name, expected: name.split('--')[0]!, text: readFileSync(path.join(fixtureFolder, name), 'utf8')}));
const explainedFixtures = fixtures.filter(fixture => fixture.expected !== 'translated' && fixture.expected !== 'unknown');

test('each fixture is named after a catalogue id, translated or unknown', t => {
	const unnamed = fixtures.filter(fixture => !['translated', 'unknown'].includes(fixture.expected) && !Object.hasOwn(explanations, fixture.expected));
	t.deepEqual(unnamed.map(fixture => fixture.name), []);
});

test('server and network messages are explained with their id and a way out', t => {
	const problems = explainedFixtures.flatMap(fixture => {
		const wrong = problem(fixture.text, fixture.expected as FailureId, {signalFromPaste: true});
		return wrong === undefined ? [] : [`${fixture.name}: ${wrong}`];
	});
	t.deepEqual(report(problems), []);
});

for (const variant of variants) {
	test(`server and network messages ${variant.name} are explained with their id`, t => {
		const problems = explainedFixtures.flatMap(fixture => {
			const wrong = problem(variant.change(fixture.text), fixture.expected as FailureId);
			return wrong === undefined ? [] : [`${fixture.name}, ${variant.name}: ${wrong}`];
		});
		t.deepEqual(report(problems), []);
	});
}

test('a message git translated is answered as translated, not guessed at', t => {
	const problems = fixtures.filter(fixture => fixture.expected === 'translated').flatMap(fixture => {
		const result = explainText(fixture.text);
		return result.kind === 'translated' ? [] : [`${fixture.name}: answered ${result.kind === 'explained' ? result.findings.map(finding => finding.id).join(', ') : result.kind}`];
	});
	t.deepEqual(report(problems), []);
});

test('prose, an empty paste and a successful push are not explained as anything', t => {
	const problems = fixtures.filter(fixture => fixture.expected === 'unknown').flatMap(fixture => {
		const result = explainText(fixture.text);
		return result.kind === 'unknown' ? [] : [`${fixture.name}: answered ${result.kind === 'explained' ? result.findings.map(finding => finding.id).join(', ') : result.kind}`];
	});
	t.deepEqual(report(problems), []);
});

test('every error explain recognises is in the corpus or the fixtures', async t => {
	t.timeout(120_000);
	const covered = new Set<string>(explainedFixtures.map(fixture => fixture.expected));
	for (const git of gits.filter(git => git.missing === undefined)) {
		for (const corpusCase of (await corpusOf(git)).cases) {
			covered.add(corpusCase.id);
		}
	}

	t.true(recognisedIds().length >= 32);
	t.deepEqual(recognisedIds().filter(id => !covered.has(id)), [], 'missing from both');
});
