'use client';

import dynamic from 'next/dynamic';

/**
 * The application wizard on an application's own page, where it shows only while the application is a
 * draft: its code (the steps, react-hook-form) loads with the page's HTML already drawn by the server,
 * and a submitted application's page, the one most often opened, does not carry it at all.
 */
export const LazyApplicationForm = dynamic(() => import('./application-form').then((m) => m.ApplicationForm));
