'use client';

import dynamic from 'next/dynamic';

/*
 * The report charts, loaded after the page: recharts (with its state library) is the largest part of
 * a report page's JavaScript, and the figures and tables beside each chart already say what it shows.
 * Each chart keeps its height while it loads, so nothing moves. Pages import the charts from here.
 */

const placeholder = (height: number) =>
  function ChartLoading() {
    return <div style={{ height }} className="w-full animate-pulse rounded-md bg-muted/40" aria-hidden />;
  };

export const FunnelChart = dynamic(() => import('./charts').then((m) => m.FunnelChart), { ssr: false, loading: placeholder(240) });
export const KpiDynamicsChart = dynamic(() => import('./charts').then((m) => m.KpiDynamicsChart), { ssr: false, loading: placeholder(300) });
export const OccupancyChart = dynamic(() => import('./charts').then((m) => m.OccupancyChart), { ssr: false, loading: placeholder(260) });
export const FundingChart = dynamic(() => import('./charts').then((m) => m.FundingChart), { ssr: false, loading: placeholder(260) });
export const SupportChart = dynamic(() => import('./charts').then((m) => m.SupportChart), { ssr: false, loading: placeholder(260) });
export const PaybackChart = dynamic(() => import('./charts').then((m) => m.PaybackChart), { ssr: false, loading: placeholder(260) });
export const IndicatorChart = dynamic(() => import('./charts').then((m) => m.IndicatorChart), { ssr: false, loading: placeholder(180) });
export const ParksByYearChart = dynamic(() => import('./charts').then((m) => m.ParksByYearChart), { ssr: false, loading: placeholder(220) });
