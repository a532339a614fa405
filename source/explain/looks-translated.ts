// Whether an unrecognised paste is git speaking another language: then the honest answer is to ask
// for the English message (LC_ALL=C), not "this is not a git error".

/** How git starts its fatal, error, warning and hint lines, in English and in its translations (po/*.po, 2.20 to 2.55). */
export const prefixes = [
	'fatal', 'error', 'warning', 'hint',
	'Schwerwiegend', 'Fehler', 'Warnung', 'Hinweis',
	'erreur', 'avertissement', 'astuce',
	'advertencia', 'avís', 'consell', 'suggerimento', 'dica',
	'marfach', 'earráid', 'rabhadh', 'leid',
	'kesalahan', 'peringatan', 'petunjuk',
	'ödesdigert', 'fel', 'varning', 'tips',
	'onulmaz', 'hata', 'uyarı', 'ipucu',
	'ФАТАЛНА ГРЕШКА', 'ГРЕШКА', 'ПРЕДУПРЕЖДЕНИЕ', 'подсказка',
	'збій', 'помилка', 'попередження', 'підказка',
	'lỗi nghiêm trọng', 'lỗi', 'cảnh báo', 'gợi ý',
	'致命错误', '错误', '警告', '提示', '致命錯誤', '錯誤',
];

const prefixLine = new RegExp(`^\\s*(?:remote:\\s*)?(?<prefix>${prefixes.join('|')})\\s?[:：]\\s*(?<message>.*)$`, 'iu');

const englishPrefixes = new Set(['fatal', 'error', 'warning', 'hint']);

/**
 * Short words of git's languages that no English message of git holds (not "no", "per" or "an",
 * which English has too): one of them in a message marks it as translated. Said positively, so
 * an English message with unusual words ("unknown option `bad'") stays English.
 */
const foreignWords = /\b(?:der|die|das|den|nicht|kein|keine|ist|gibt|und|mit|von|eine?|auf|wurde|werden|kann|le|la|les|des|du|pas|est|une?|pour|avec|dans|sur|aucune?|el|los|las|es|una|para|con|del|por|que|ni|ya|existe|não|um|os|uma|com|il|della|sono|non|är|och|inte|ett|för|bir|değil|ve|yok|tidak|dan|yang|ada|dari)\b/iu;

/**
 * A message's own words: without quoted names, what follows its last ": " and its last word,
 * where git puts the names it reports (remote ref función, invalid reference: café), which can be
 * in any language.
 */
function ownWords(message: string): string {
	const unquoted = message.replaceAll(/'[^']*'|`[^`']*'|"[^"]*"/g, ' ');
	const colon = unquoted.lastIndexOf(': ');
	return (colon === -1 ? unquoted : unquoted.slice(0, colon)).trim().replace(/\s*\S+$/, '');
}

const foreign = (words: string) => /\p{L}/u.test(words.replaceAll(/[\u0000-\u007F]/g, '')) || foreignWords.test(words);

/** git's lines without a prefix that it translates: CONFLICT (…) and git: '…' is not a git command. */
const conflictLine = /^\s*(?!CONFLICT \()\p{Lu}{4,} \(/u;
const notCommandLine = /^\s*git ?(?<space> ?):\s*'[^']*'\s*(?<rest>.*)$/u;

/** True when the text has git's message lines and one of them is not English. */
export function looksTranslated(plain: string): boolean {
	return plain.split('\n').some(line => {
		if (conflictLine.test(line)) {
			return true;
		}

		const notCommand = notCommandLine.exec(line)?.groups;
		if (notCommand) {
			return notCommand['space'] !== '' || foreign(notCommand['rest'] ?? '');
		}

		const groups = prefixLine.exec(line)?.groups;
		if (groups === undefined) {
			return false;
		}

		// A space before the colon is French typography ("fatal : …"), which git's English never has.
		return !englishPrefixes.has((groups['prefix'] ?? '').toLowerCase()) || /^\s*\p{L}+ [:：]/u.test(line.replace(/^\s*remote:\s*/, '')) || foreign(ownWords(groups['message'] ?? ''));
	});
}
