import { useSyncExternalStore } from 'react';

/** The design height the wall is laid out for; everything scales with the real height. */
export const DESIGN_HEIGHT_PX = 1080;

function subscribe(listener: () => void): () => void {
  window.addEventListener('resize', listener);
  return () => window.removeEventListener('resize', listener);
}

function readScale(): number {
  // The CSS root font size is min(vw, vh)-based; this is the same scale for canvas-drawn text and lines.
  return Math.min(window.innerWidth / 1920, window.innerHeight / DESIGN_HEIGHT_PX);
}

/** Pixel scale of the screen: 1 at 1920x1080, 2 at 3840x2160. */
export function useViewportScale(): number {
  return useSyncExternalStore(subscribe, readScale);
}
