#!/usr/bin/env bash
# Runs the test suite again with git 2.30.2, from Debian bullseye (the oldest git Debian's mirror
# still serves), unpacked into a cache folder: the machine's own git is not touched.
# Exit 3 means it could not be set up here (no apt, or the mirror out of reach); a failing test exits 1.
set -uo pipefail
cd "$(dirname "$0")/.."
cache="${XDG_CACHE_HOME:-$HOME/.cache}/git-push-tutor/git-2.30"
if [ ! -x "$cache/bin/git" ]; then
	command -v apt-get >/dev/null && command -v dpkg >/dev/null || { echo "git 2.30 run: needs apt-get and dpkg"; exit 3; }
	work=$(mktemp -d)
	trap 'rm -rf "$work"' EXIT
	mkdir -p "$work/lists/partial" "$work/cache/archives/partial"
	echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian bullseye main" > "$work/sources.list"
	apt=(-o "Dir::Etc::sourcelist=$work/sources.list" -o Dir::Etc::sourceparts=- -o "Dir::State::Lists=$work/lists" -o "Dir::Cache=$work/cache" -o Dir::State::status=/dev/null -o APT::Sandbox::User=root -o Debug::NoLocking=1)
	if ! timeout 300 apt-get "${apt[@]}" -qq update || ! (cd "$work" && timeout 300 apt-get "${apt[@]}" -qq download git); then
		echo "git 2.30 run: could not fetch git from Debian bullseye"
		exit 3
	fi

	mkdir -p "$cache/bin"
	dpkg -x "$work"/git_*.deb "$cache/root"
	printf '#!/bin/sh\nGIT_EXEC_PATH="%s" exec "%s" "$@"\n' "$cache/root/usr/lib/git-core" "$cache/root/usr/bin/git" > "$cache/bin/git"
	chmod +x "$cache/bin/git"
fi

PATH="$cache/bin:$PATH" git --version || exit 3
PATH="$cache/bin:$PATH" npx ava
