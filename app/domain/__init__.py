"""Pure rules of the dispatch domain: no I/O, no frameworks, stdlib only."""
