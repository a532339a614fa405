// The transcript, each line printed once above the live area. Ink's <Static> prints the items
// past the count it has printed, so it must only see a list that grows; the transcript in state
// drops its oldest lines, and each time it drops one this <Static> has, a fresh one starts with
// the lines not printed yet.
import {useLayoutEffect, useRef} from 'react';
import {Static} from 'ink';
import type {TranscriptLine} from '../tutor/tutor-state.ts';
import {TranscriptText} from './transcript-line.tsx';

export function TranscriptStatic({lines, width}: {readonly lines: readonly TranscriptLine[]; readonly width: number}) {
	// The last line id printed, and the id after which the current <Static> starts.
	const printed = useRef(0);
	const start = useRef(0);
	if ((lines[0]?.id ?? 0) > start.current + 1) {
		start.current = printed.current;
	}

	useLayoutEffect(() => {
		printed.current = lines.at(-1)?.id ?? printed.current;
	});
	return (
		<Static key={start.current} items={lines.filter(line => line.id > start.current)}>
			{line => <TranscriptText key={line.id} line={line} width={width}/>}
		</Static>
	);
}
