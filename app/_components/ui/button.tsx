import Link from 'next/link';
import { Slot } from 'radix-ui';
import type { VariantProps } from 'class-variance-authority';
import * as React from 'react';
import { buttonVariants } from './button-variants';
import { cn } from './cn';

export { buttonVariants };

export type ButtonProps = React.ComponentProps<'button'> & VariantProps<typeof buttonVariants> & { asChild?: boolean };

export function Button({ className, variant, size, asChild = false, ...props }: ButtonProps) {
  const Comp = asChild ? Slot.Root : 'button';
  return <Comp className={cn(buttonVariants({ variant, size, className }))} {...props} />;
}

/** A link that looks like a button: the page it leads to is an address, not an action. */
export function ButtonLink({ className, variant, size, ...props }: React.ComponentProps<typeof Link> & VariantProps<typeof buttonVariants>) {
  return <Link className={cn(buttonVariants({ variant, size, className }))} {...props} />;
}
