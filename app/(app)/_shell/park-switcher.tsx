'use client';

import { useTranslations } from 'next-intl';
import { useParams, usePathname, useRouter } from 'next/navigation';

/** For people in several parks: moves to the same section of the chosen park. */
export function ParkSwitcher({ parks }: { parks: { slug: string; name: string }[] }) {
  const t = useTranslations('common');
  const router = useRouter();
  const pathname = usePathname();
  const params = useParams<{ park?: string }>();
  if (parks.length < 2) return null;
  const current = params.park ?? '';
  return (
    <select
      aria-label={t('park')}
      className="h-8 min-w-0 max-w-32 rounded-md sm:max-w-56 border border-input bg-background px-2 text-sm"
      value={current}
      onChange={(e) => {
        const slug = e.target.value;
        const section = current ? pathname.split('/').slice(3, 4).join('') : '';
        router.push(`/p/${slug}${section ? `/${section}` : ''}`);
      }}
    >
      {!current && <option value="">{t('choosePark')}</option>}
      {parks.map((p) => (
        <option key={p.slug} value={p.slug}>
          {p.name}
        </option>
      ))}
    </select>
  );
}
