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

const prefixLine = new RegExp(`^\\s*(?:remote:\\s*)?(?:${prefixes.join('|')})\\s?[:：]\\s*(?<message>.*)$`, 'iu');

/** Words nearly every English message of git has one of. */
const englishWords = /\b(?:the|to|of|your|you|is|not|does|would|be|and|with|this|was|has|for|are|cannot|could|unable|failed|use|run|please)\b/i;

/** True when the text has git's message lines and their words are not English. */
export function looksTranslated(plain: string): boolean {
	const messages = plain.split('\n').map(line => prefixLine.exec(line)?.groups?.['message']).filter((message): message is string => message !== undefined && message.trim() !== '' && !/^\s*git\s/.test(message));
	return messages.length > 0 && messages.some(message => !englishWords.test(message) || /[^\u0000-\u007F]/.test(message.replaceAll(/'[^']*'/g, '')));
}
