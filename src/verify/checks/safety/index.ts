import type { Check } from '../../check.js';
import { fileWrite } from './file-write.js';
import { lookalikeName } from './lookalike-name.js';
import { network } from './network.js';
import { networkOrFs } from './network-or-fs.js';
import { outcomeForging } from './outcome-forging.js';
import { subprocess } from './subprocess.js';
import { tampering } from './tampering.js';

/** Checks of the `safety/` category. */
export const safetyChecks: Check[] = [network, subprocess, fileWrite, networkOrFs, tampering, outcomeForging, lookalikeName];
