'use client';

import * as React from 'react';
import type { ConfirmDialogContent, ConfirmDialogProps } from './confirm-dialog-content';


const loadDialog = () => import('./confirm-dialog-content');

/**
 * Asks before a step that is hard to take back (disabling an account): the trigger opens a modal
 * alert dialog (radix-ui: focus moves into it and stays, Escape or Cancel closes it, the page behind is
 * inert), and only its confirm button runs `onConfirm`. The dialog's code loads when the trigger is
 * first pressed (a hover or focus starts it early), not with the page.
 */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const [Dialog, setDialog] = React.useState<typeof ConfirmDialogContent | null>(null);
  if (Dialog) return <Dialog {...props} />;
  const preload = () => void loadDialog();
  return React.cloneElement(props.trigger, {
    'aria-haspopup': 'dialog',
    onPointerEnter: preload,
    onFocus: preload,
    onClick: () => void loadDialog().then((m) => setDialog(() => m.ConfirmDialogContent)),
  });
}
