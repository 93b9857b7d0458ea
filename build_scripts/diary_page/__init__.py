"""我的驻村台账: the diary page (diary/index.md), generated at build time so it carries the runtime manifest."""
