// Sets the tab title ("Lesson · Primer"), so screen-reader users hear where a navigation led.
import { useEffect } from 'react';

export function usePageTitle(title: string | undefined) {
  useEffect(() => {
    document.title = title ? `${title} · Primer` : 'Primer';
  }, [title]);
}
