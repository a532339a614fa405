// The short line under the menu and the complete screen that shows what is typed there, so a
// word can be typed key by key and acts on Enter.
import {Text, useIsScreenReaderEnabled} from 'ink';
import {fit} from './text-fit.ts';

export function TypedLine({typed, hint, width}: {readonly typed: string; readonly hint: string; readonly width: number}) {
	const screenReader = useIsScreenReaderEnabled();
	if (screenReader) {
		return <Text>{typed === '' ? hint : `Typed: ${typed}`}</Text>;
	}

	return (
		<Text>
			<Text bold color="cyan">› </Text>
			{fit(typed, Math.max(1, width - 3))}
			<Text inverse> </Text>
			{typed === '' ? <Text dimColor>{fit(` ${hint}`, Math.max(0, width - 3))}</Text> : undefined}
		</Text>
	);
}
