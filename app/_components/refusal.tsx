import { getTranslations } from 'next-intl/server';
import { RefusalFrame } from './refusal-frame';
import { WayBack, type WayBackIcons } from './way-back';

export { sectionAbove } from './way-back';

/*
 * What a reader sees instead of a page: the 404 (a missing record and a refused one look the same, as
 * in the API: docs/api.md, "Errors") and the error page (./error-view.tsx). Both render inside the
 * layout around them, so a signed-in reader keeps the shell, and both offer a way on: up to the
 * section the address belongs to, and home. The 404 is drawn on the server: only the way back, which
 * reads the address, is client code.
 */
export async function NotFoundView({ icons }: { icons?: WayBackIcons }) {
  const t = await getTranslations('common');
  return (
    <RefusalFrame code="404" title={t('notFoundTitle')}>
      <p className="text-muted-foreground">{t('notFoundText')}</p>
      <WayBack up={t('upOneLevel')} home={t('home')} icons={icons} />
    </RefusalFrame>
  );
}
