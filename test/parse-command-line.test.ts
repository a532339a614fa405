import {mulberry32} from '../source/practice/prng.ts';
import test from 'ava';
import {parseCommandLine, type ParsedLine} from '../source/shell/parse-command-line.ts';

function words(line: string): string[] {
	const result = parseCommandLine(line);
	if (!result.ok) {
		throw new Error(`Expected ${JSON.stringify(line)} to parse, got problem: ${result.problem}`);
	}

	return result.words;
}

function problem(line: string): string {
	const result = parseCommandLine(line);
	if (result.ok) {
		throw new Error(`Expected ${JSON.stringify(line)} to be refused, got ${JSON.stringify(result)}`);
	}

	return result.problem;
}

test('plain words split on spaces and tabs, however many', t => {
	t.deepEqual(parseCommandLine('git status'), {ok: true, words: ['git', 'status']});
	t.deepEqual(words('  git\t add   notes.txt  '), ['git', 'add', 'notes.txt']);
});

test('an empty or blank line gives no words', t => {
	t.deepEqual(parseCommandLine(''), {ok: true, words: []});
	t.deepEqual(parseCommandLine('   \t  '), {ok: true, words: []});
});

test('a double-quoted commit message stays one word', t => {
	t.deepEqual(parseCommandLine('git commit -m "Add notes"'), {ok: true, words: ['git', 'commit', '-m', 'Add notes']});
});

test('single quotes keep everything literal, including backslashes and double quotes', t => {
	t.deepEqual(words('git commit -m \'Say "hi" \\n $HOME\''), ['git', 'commit', '-m', 'Say "hi" \\n $HOME']);
});

test('double quotes honour only the POSIX backslash escapes', t => {
	t.deepEqual(words(String.raw`echo "a \"b\" \\ \$x \`y\`"`), ['echo', 'a "b" \\ $x `y`']);
	t.deepEqual(words(String.raw`echo "C:\new\table"`), ['echo', String.raw`C:\new\table`]);
});

test('outside quotes a backslash escapes the next character', t => {
	t.deepEqual(words(String.raw`echo my\ notes.txt`), ['echo', 'my notes.txt']);
	t.deepEqual(words(String.raw`echo \"hi\" a\;b \# \\`), ['echo', '"hi"', 'a;b', '#', '\\']);
	t.deepEqual(words(String.raw`echo \>notes.txt`), ['echo', '>notes.txt']);
});

test('a trailing lone backslash is a problem', t => {
	t.regex(problem('git commit -m hi\\'), /lone \\/);
	t.deepEqual(words('echo hi\\\\'), ['echo', 'hi\\']);
});

test('adjacent quoted and unquoted parts join into one word', t => {
	t.deepEqual(words('git commit -m"a b"'), ['git', 'commit', '-ma b']);
	t.deepEqual(words('a\'b c\'"d e"f'), ['ab cd ef']);
});

test('empty quotes give an empty word', t => {
	t.deepEqual(words('git commit -m ""'), ['git', 'commit', '-m', '']);
	t.deepEqual(words('echo \'\' x'), ['echo', '', 'x']);
});

test('typographic double and single quotes pasted from the web act like ASCII quotes', t => {
	t.deepEqual(words('git commit -m \u201CAdd notes\u201D'), ['git', 'commit', '-m', 'Add notes']);
	t.deepEqual(words('git commit -m \u2018Add notes\u2019'), ['git', 'commit', '-m', 'Add notes']);
	// An apostrophe inside double quotes is only text.
	t.deepEqual(words('git commit -m \u201CIt\u2019s done; really\u201D'), ['git', 'commit', '-m', 'It\u2019s done; really']);
});

test('an unbalanced double quote is named in the problem', t => {
	t.is(problem('git commit -m "Add notes'), 'This line has an opening " with no closing ". Close the quote and try again.');
	t.is(problem('git commit -m \u201CAdd notes'), 'This line has an opening \u201C with no closing \u201D. Close the quote and try again.');
});

test('an unbalanced single quote is named in the problem', t => {
	t.is(problem('git commit -m \'Add notes'), 'This line has an opening \' with no closing \'. Close the quote and try again.');
	t.regex(problem('echo \u2018hi'), /opening \u2018 with no closing \u2019/);
});

test('an escaped quote inside double quotes does not close it', t => {
	t.regex(problem(String.raw`echo "abc\"`), /opening " with no closing "/);
});

const refusedOperators: Array<[line: string, operator: string]> = [
	['git add . ; git commit', ';'],
	['git add .;git commit', ';'],
	['git log | less', '|'],
	['git push || echo failed', '||'],
	['git push &', '&'],
	['git add . && git commit', '&&'],
	['git commit -F < message.txt', '<'],
	['(git status)', '('],
	['git status)', ')'],
	['echo `whoami`', '`'],
	['git commit -m $(date)', '$('],
	['git push 2> errors.txt', '2>'],
	['git push 2>errors.txt', '2>'],
	['git push &> all.txt', '&>'],
	['git push >& all.txt', '>&'],
	['git push > out.txt 2>&1', '2>'],
];

for (const [line, operator] of refusedOperators) {
	test(`unquoted ${operator} is refused in: ${line}`, t => {
		const text = problem(line);
		t.true(text.includes(`"${operator}"`), text);
		t.regex(text, /one command at a time/);
		t.regex(text, /no shell/);
	});
}

test('operator characters inside quotes are plain text', t => {
	t.deepEqual(words('git commit -m "a; b | c || d & e && f < g ( h ) `i` $(j) 2> k &> l >& m > n >> o # p"'), [
		'git',
		'commit',
		'-m',
		'a; b | c || d & e && f < g ( h ) `i` $(j) 2> k &> l >& m > n >> o # p',
	]);
	t.deepEqual(words('echo \'a;b|c&d<e>f\''), ['echo', 'a;b|c&d<e>f']);
});

test('a lone $ and $NAME stay literal, as do ~ and globs', t => {
	t.deepEqual(words('echo $HOME ~ *.txt $ a$b ${X}'), ['echo', '$HOME', '~', '*.txt', '$', 'a$b', '${X}']);
});

test('> writes to a file and is not part of the words', t => {
	t.deepEqual(parseCommandLine('echo hi > notes.txt'), {
		ok: true,
		words: ['echo', 'hi'],
		redirect: {mode: 'write', path: 'notes.txt'},
	});
});

test('>> appends to a file', t => {
	t.deepEqual(parseCommandLine('echo more >> notes.txt'), {
		ok: true,
		words: ['echo', 'more'],
		redirect: {mode: 'append', path: 'notes.txt'},
	});
});

test('a redirect works without spaces around it', t => {
	t.deepEqual(parseCommandLine('echo hi >notes.txt'), {ok: true, words: ['echo', 'hi'], redirect: {mode: 'write', path: 'notes.txt'}});
	t.deepEqual(parseCommandLine('echo hi>>notes.txt'), {ok: true, words: ['echo', 'hi'], redirect: {mode: 'append', path: 'notes.txt'}});
});

test('a quoted redirect path may contain spaces', t => {
	t.deepEqual(parseCommandLine('echo hi > "my notes.txt"'), {ok: true, words: ['echo', 'hi'], redirect: {mode: 'write', path: 'my notes.txt'}});
});

test('a line without a redirect has no redirect property', t => {
	const result = parseCommandLine('git status');
	t.true(result.ok);
	t.false('redirect' in result);
});

test('a redirect with no file name is a problem', t => {
	t.regex(problem('echo hi >'), /">" needs a file name/);
	t.regex(problem('echo hi >>   '), /">>" needs a file name/);
	t.regex(problem('echo hi > ""'), /needs a file name/);
	t.regex(problem('echo hi > # comment'), /needs a file name/);
	t.regex(problem('echo hi > > notes.txt'), /needs a file name/);
});

test('two redirects are a problem', t => {
	t.regex(problem('echo hi > a.txt > b.txt'), /more than one/);
	t.regex(problem('echo hi > a.txt >> b.txt'), /more than one/);
});

test('words after the redirect path are a problem', t => {
	t.regex(problem('echo > notes.txt hi'), /Nothing can come after the file name in "> notes.txt"/);
	t.regex(problem('echo hi >> notes.txt again'), /Nothing can come after the file name in ">> notes.txt"/);
});

test('a redirect with no command before it is a problem', t => {
	t.regex(problem('> notes.txt'), /needs a command before it/);
});

test('a digit inside a word before > is not a file-descriptor redirect', t => {
	t.deepEqual(parseCommandLine('echo v2>notes.txt'), {ok: true, words: ['echo', 'v2'], redirect: {mode: 'write', path: 'notes.txt'}});
	t.deepEqual(parseCommandLine('echo \\2>notes.txt'), {ok: true, words: ['echo', '2'], redirect: {mode: 'write', path: 'notes.txt'}});
});

test('an unquoted # at the start of a word starts a comment', t => {
	t.deepEqual(parseCommandLine('git status # what changed?'), {ok: true, words: ['git', 'status']});
	t.deepEqual(parseCommandLine('# just a note; with | operators && "quotes'), {ok: true, words: []});
	t.deepEqual(parseCommandLine('echo hi > notes.txt # saved'), {ok: true, words: ['echo', 'hi'], redirect: {mode: 'write', path: 'notes.txt'}});
});

test('a # inside a word or in quotes is text', t => {
	t.deepEqual(words('git commit -m fix#12 "#13" \'#14\''), ['git', 'commit', '-m', 'fix#12', '#13', '#14']);
	t.deepEqual(words('echo ""#x'), ['echo', '#x']);
});

test('control characters anywhere are a problem, even inside quotes', t => {
	for (const line of ['git status\u0000', 'git\u001B[Astatus', 'echo "a\nb"', 'git status\r', 'git\u007F', '\u0001']) {
		t.regex(problem(line), /control characters/, JSON.stringify(line));
	}
});

test('tabs are not control-character problems', t => {
	t.deepEqual(words('git\tstatus'), ['git', 'status']);
});

test('lines up to 10,000 characters are fine and longer ones are refused with the limit', t => {
	t.is(words(`echo ${'a'.repeat(9994)}`)[1]?.length, 9994);
	t.is(words('a'.repeat(9999))[0]?.length, 9999);
	t.is(words('a'.repeat(10_000))[0]?.length, 10_000);
	const text = problem('a'.repeat(10_001));
	t.regex(text, /too long|limit/);
	t.true(text.includes('10,000'), text);
});

test('the length limit is checked before anything else, so a huge bad line still gets that problem', t => {
	t.regex(problem(`"${'\u0001'.repeat(20_000)}`), /10,000/);
});

test('problems are short sentences, never stack traces', t => {
	const lines = ['a && b', 'echo "x', 'echo >', 'x\\', 'echo > a b', 'a\u0000', 'x'.repeat(10_001), 'a > b > c', '> x'];
	for (const line of lines) {
		const text = problem(line);
		t.true(text.length > 0 && text.length < 300, text);
		t.false(/\n|\bat .*:\d+/.test(text), text);
	}
});


const alphabet = ['a', 'b', 'z', 'G', '2', ' ', ' ', '\t', '"', '\'', '\u201C', '\u201D', '\u2018', '\u2019', '\\', ';', '|', '&', '<', '>', '(', ')', '`', '$', '#', '-', '.'];

test('500 random lines never throw and always give words or a non-empty problem', t => {
	const random = mulberry32(20_240_601);
	for (let count = 0; count < 500; count++) {
		const length = Math.floor(random() * 40);
		let line = '';
		for (let index = 0; index < length; index++) {
			line += alphabet[Math.floor(random() * alphabet.length)] ?? '';
		}

		let result: ParsedLine | undefined;
		t.notThrows(() => {
			result = parseCommandLine(line);
		}, JSON.stringify(line));
		if (result?.ok) {
			t.true(result.words.every(word => typeof word === 'string'), JSON.stringify(line));
			if (result.redirect) {
				t.true(result.redirect.path.length > 0, JSON.stringify(line));
				t.true(result.words.length > 0, JSON.stringify(line));
			}
		} else {
			t.is(typeof result?.problem, 'string', JSON.stringify(line));
			t.true((result?.problem.length ?? 0) > 0, JSON.stringify(line));
		}
	}
});

test('500 random word lists survive single-quoting and parsing unchanged', t => {
	const random = mulberry32(7);
	for (let count = 0; count < 500; count++) {
		const list: string[] = [];
		const wordCount = 1 + Math.floor(random() * 5);
		for (let w = 0; w < wordCount; w++) {
			let word = '';
			const length = Math.floor(random() * 8);
			for (let index = 0; index < length; index++) {
				word += alphabet[Math.floor(random() * alphabet.length)] ?? '';
			}

			list.push(word);
		}

		// POSIX single-quoting: close, escaped quote, reopen. Typographic single quotes need the same.
		const quoted = list.map(word => `'${word.replaceAll(/['\u2018\u2019]/g, quote => `'\\${quote}'`)}'`).join(' ');
		t.deepEqual(parseCommandLine(quoted), {ok: true, words: list}, quoted);
	}
});
