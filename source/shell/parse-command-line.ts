// Splits one typed line into words the way a POSIX shell would quote them.
// There is no shell behind the tutor (git is exec'd directly), so anything that
// needs a shell to mean something is refused with a beginner-friendly problem.
import {placeholderMessage} from './placeholders.ts';

export type Redirect = {mode: 'write' | 'append'; path: string};
export type ParsedLine =
	| {ok: true; words: string[]; redirect?: Redirect}
	/** `placeholders`: the <words> typed literally from a step's text (url for <url>). */
	| {ok: false; problem: string; placeholders?: string[]};

export const maxLineLength = 10_000;

// Typographic quotes arrive whenever a beginner pastes from a web page, so
// they count as the ASCII quote of the same family.
const doubleQuotes = new Set(['"', '\u201C', '\u201D']);
const singleQuotes = new Set(['\'', '\u2018', '\u2019']);
const closingQuote: Record<string, string> = {
	'"': '"',
	'\u201C': '\u201D',
	'\u201D': '\u201D',
	'\'': '\'',
	'\u2018': '\u2019',
	'\u2019': '\u2019',
};

// Inside double quotes a backslash only escapes these, as in POSIX.
const doubleQuoteEscapes = new Set(['"', '\\', '$', '`', '\u201C', '\u201D']);

const operatorMeaning: Record<string, string> = {
	';': 'runs several commands in a row',
	'&&': 'runs a second command after the first one works',
	'||': 'runs a second command when the first one fails',
	'|': 'sends one command\'s output into another command',
	'&': 'runs a command in the background',
	'<': 'feeds a file into a command',
	'(': 'groups commands together',
	')': 'groups commands together',
	'`': 'runs a command inside another command',
	'$(': 'runs a command inside another command',
	'2>': 'sends error messages to a file',
	'&>': 'sends output and error messages to a file',
	'>&': 'joins one output stream onto another',
};

// C1 controls (U+0080–U+009F) as well: some terminals obey U+009B as the start of an escape sequence.
const controlCharacters = /[\u0000-\u0008\u000A-\u001F\u007F-\u009F]/;

// Thrown only inside this module, so the exported function never throws.
class LineProblem extends Error {}

function operatorProblem(operator: string): LineProblem {
	const meaning = operatorMeaning[operator] ?? 'sends a numbered output stream to a file';
	return new LineProblem(
		`In a shell, "${operator}" ${meaning}, but this tutor runs one command at a time with no shell. `
		+ `Type each command on its own line, or put "${operator}" in quotes if you meant it as text.`,
	);
}

function isDigit(character: string): boolean {
	return character >= '0' && character <= '9';
}

/** A placeholder as steps and manuals write them: <url>, <file>, <branch-name>. */
const placeholder = /^<([A-Za-z][\w.-]*)>/;

function splitLine(line: string): {words: string[]; redirect?: Redirect; placeholders: string[]} {
	const words: string[] = [];
	const placeholders: string[] = [];
	// Undefined between words, so `""` can still make an empty word.
	let word: string | undefined;
	// True while the word so far is bare digits, which makes `2>` a file-descriptor redirect.
	let wordIsDigits = false;
	let redirect: Redirect | undefined;
	let redirectText = '';
	let pending: {mode: Redirect['mode']; operator: string} | undefined;

	const missingPath = (operator: string) => new LineProblem(
		`"${operator}" needs a file name after it, like: echo hi ${operator} notes.txt`,
	);

	const finishWord = () => {
		if (word === undefined) {
			return;
		}

		if (pending) {
			if (word === '') {
				throw missingPath(pending.operator);
			}

			redirect = {mode: pending.mode, path: word};
			redirectText = `${pending.operator} ${word}`;
			pending = undefined;
		} else if (redirect) {
			throw new LineProblem(
				`Nothing can come after the file name in "${redirectText}". Put the redirect at the end of the line, like: echo hi > notes.txt`,
			);
		} else {
			words.push(word);
		}

		word = undefined;
		wordIsDigits = false;
	};

	const append = (text: string) => {
		word = (word ?? '') + text;
		wordIsDigits = false;
	};

	let index = 0;
	while (index < line.length) {
		const character = line.charAt(index);
		const next = line.charAt(index + 1);

		if (character === ' ' || character === '\t') {
			finishWord();
			index++;
			continue;
		}

		if (character === '\\') {
			if (index + 1 >= line.length) {
				throw new LineProblem('This line ends with a lone \\ that has nothing after it. Remove it and try again.');
			}

			append(next);
			index += 2;
			continue;
		}

		if (doubleQuotes.has(character) || singleQuotes.has(character)) {
			const isDouble = doubleQuotes.has(character);
			const closers = isDouble ? doubleQuotes : singleQuotes;
			let text = '';
			let end = index + 1;
			let closed = false;
			while (end < line.length) {
				const inner = line.charAt(end);
				if (closers.has(inner)) {
					closed = true;
					break;
				}

				const escaped = line.charAt(end + 1);
				if (isDouble && inner === '\\' && doubleQuoteEscapes.has(escaped)) {
					text += escaped;
					end += 2;
				} else {
					text += inner;
					end++;
				}
			}

			if (!closed) {
				throw new LineProblem(
					`This line has an opening ${character} with no closing ${closingQuote[character] ?? character}. Close the quote and try again.`,
				);
			}

			append(text);
			index = end + 1;
			continue;
		}

		if (character === '#' && word === undefined) {
			break;
		}

		const typedPlaceholder = character === '<' ? placeholder.exec(line.slice(index)) : null;
		if (typedPlaceholder) {
			// Not a redirect: the learner copied a step's placeholder; said once the whole line is read.
			placeholders.push(typedPlaceholder[1]!);
			append(typedPlaceholder[0]);
			index += typedPlaceholder[0].length;
			continue;
		}

		if (character === '>') {
			if (word !== undefined && wordIsDigits) {
				throw operatorProblem(`${word}>`);
			}

			finishWord();
			let end = index + 1;
			let mode: Redirect['mode'] = 'write';
			if (line.charAt(end) === '>') {
				mode = 'append';
				end++;
			}

			if (line.charAt(end) === '&') {
				throw operatorProblem('>&');
			}

			const operator = mode === 'append' ? '>>' : '>';
			if (pending) {
				throw missingPath(pending.operator);
			}

			if (redirect) {
				throw new LineProblem('This line has more than one ">" or ">>". Send the output to one file at a time.');
			}

			pending = {mode, operator};
			index = end;
			continue;
		}

		let operator: string | undefined;
		if (character === ';' || character === '<' || character === '(' || character === ')' || character === '`') {
			operator = character;
		} else if (character === '|') {
			operator = next === '|' ? '||' : '|';
		} else if (character === '&') {
			operator = next === '&' ? '&&' : (next === '>' ? '&>' : '&');
		} else if (character === '$' && next === '(') {
			operator = '$(';
		}

		if (operator !== undefined) {
			throw operatorProblem(operator);
		}

		const digitsSoFar: boolean = word === undefined || wordIsDigits;
		word = (word ?? '') + character;
		wordIsDigits = digitsSoFar && isDigit(character);
		index++;
	}

	finishWord();
	if (pending) {
		throw missingPath(pending.operator);
	}

	if (redirect) {
		if (words.length === 0) {
			throw new LineProblem(`"${redirectText}" needs a command before it, like: echo hi ${redirectText}`);
		}

		return {words, redirect, placeholders};
	}

	return {words, placeholders};
}

export function parseCommandLine(line: string): ParsedLine {
	if (line.length > maxLineLength) {
		return {
			ok: false,
			problem: `This line is ${line.length.toLocaleString('en-US')} characters long, but the limit is ${maxLineLength.toLocaleString('en-US')}. Try a shorter command.`,
		};
	}

	if (controlCharacters.test(line)) {
		return {
			ok: false,
			problem: 'This line contains control characters (invisible keys such as Escape). Retype the command without them.',
		};
	}

	try {
		const {placeholders, ...split} = splitLine(line);
		return placeholders.length > 0
			? {ok: false, problem: placeholderMessage(line, placeholders), placeholders}
			: {ok: true, ...split};
	} catch (error) {
		if (error instanceof LineProblem) {
			return {ok: false, problem: error.message};
		}

		throw error;
	}
}
