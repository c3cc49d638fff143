import type { ReactNode } from 'react';

interface BannerProps {
  tone: 'warn' | 'error' | 'ok';
  children: ReactNode;
}

export function Banner({ tone, children }: BannerProps): ReactNode {
  return (
    <div className={`banner ${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}
