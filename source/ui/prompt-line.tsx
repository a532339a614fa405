// The learner's prompt: always one row. A long line scrolls sideways around the cursor.
import {useEffect, useState} from 'react';
import {Text} from 'ink';
import type {PromptState} from './prompt-editor.ts';

/** The visible slice of a long value, keeping the cursor on screen. */
function promptWindow(value: string, cursor: number, width: number): {before: string; at: string; after: string} {
	const room = Math.max(4, width);
	let start = 0;
	if (cursor >= room - 1) {
		start = cursor - room + 2;
	}

	const end = Math.min(value.length, start + room - 1);
	const before = (start > 0 ? '…' : '') + value.slice(start > 0 ? start + 1 : 0, cursor);
	const at = value[cursor] ?? ' ';
	const after = value.slice(cursor + 1, end) + (end < value.length ? '…' : '');
	return {before, at, after};
}

export function PromptLine({label, prompt, busy, width, color = true}: {
	readonly label: string;
	readonly prompt: PromptState;
	readonly busy: string | undefined;
	readonly width: number;
	/** Without colour (NO_COLOR) inverse video is gone too, so the cursor is drawn as a mark. */
	readonly color?: boolean;
}) {
	const [showBusy, setShowBusy] = useState(false);
	useEffect(() => {
		setShowBusy(false);
		if (busy === undefined) {
			return;
		}

		// Most commands answer in milliseconds; say "running" only when one takes a while.
		const timer = setTimeout(() => setShowBusy(true), 400);
		return () => clearTimeout(timer);
	}, [busy]);

	if (busy !== undefined) {
		return <Text dimColor>{showBusy ? `⏳ running ${busy.slice(0, Math.max(10, width - 40))} · Ctrl+C stops it` : label}</Text>;
	}

	const {before, at, after} = promptWindow(prompt.value, prompt.cursor, width - label.length - (color ? 1 : 2));
	return (
		<Text>
			<Text bold>{label} </Text>
			{before}
			{color ? <Text inverse>{at}</Text> : `▏${at}`}
			{after}
		</Text>
	);
}
