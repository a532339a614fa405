// The practice drills, by name. Small on purpose: the command line and the menu need only
// this, not the generators.

export const drillNames = ['recover', 'force', 'pull-first', 'conflict', 'address', 'revert'] as const;
export type DrillName = (typeof drillNames)[number];

export const defaultDrill: DrillName = 'recover';

/** Which lesson a drill follows is the pack's to say (its pack.json), not the drill's. */
export type DrillInfo = {
	name: DrillName;
	/** What the drill is about, for the menu. */
	title: string;
};

export const drillCatalog: readonly DrillInfo[] = [
	{name: 'address', title: 'Ship to an address that is not set up'},
	{name: 'pull-first', title: 'Pull before you push'},
	{name: 'conflict', title: 'Resolve a conflict and ship'},
	{name: 'force', title: 'Relabel a shipped box safely'},
	{name: 'recover', title: 'Bring back a lost shipment'},
	{name: 'revert', title: 'Recall a shipped box with a new one'},
];

export function isDrillName(word: string): word is DrillName {
	return (drillNames as readonly string[]).includes(word);
}
