// Whether an unrecognised paste is git speaking another language: then the honest answer is to ask
// for the English message (LC_ALL=C), not "this is not a git error".

/** How git starts its fatal, error, warning and hint lines, in English and in its translations (po/*.po, 2.20 to 2.55). */
const prefixes = [
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
 * which English has too): one of them in a message line marks the line as translated. Said
 * positively, so an English message with unusual words ("unknown option `bad'") stays English.
 */
const foreignWords = /\b(?:der|die|das|nicht|kein|keine|ist|und|mit|von|eine?|auf|wurde|werden|kann|le|la|les|des|du|pas|est|une?|pour|avec|dans|sur|aucun|el|los|las|es|una|para|con|del|por|que|ni|ningún|não|um|os|uma|com|il|della|sono|non|är|och|inte|ett|för|bir|değil|ve|yok|tidak|dan|yang|ada|dari)\b/iu;

/** True when the text has git's message lines and one of them is not English. */
export function looksTranslated(plain: string): boolean {
	return plain.split('\n').some(line => {
		const groups = prefixLine.exec(line)?.groups;
		if (groups === undefined) {
			return false;
		}

		// Quoted names (files, branches, addresses) can be in any language: only git's own words count.
		const words = (groups['message'] ?? '').replaceAll(/'[^']*'|`[^`']*'|"[^"]*"/g, ' ');
		return !englishPrefixes.has((groups['prefix'] ?? '').toLowerCase()) || /\p{L}/u.test(words.replaceAll(/[\u0000-\u007F]/g, '')) || foreignWords.test(words);
	});
}
