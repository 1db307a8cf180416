import { CornerLeftUp, House } from 'lucide-react';
import type { WayBackIcons } from './way-back';

/** The way back's icons inside the signed-in frame (whose shell already carries the icon code). */
export const wayBackIcons: WayBackIcons = { up: <CornerLeftUp aria-hidden />, home: <House aria-hidden /> };
