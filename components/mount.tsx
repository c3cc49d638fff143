import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import './theme.css';

export function mount(app: ReactNode): void {
  const root = document.getElementById('root');
  if (!root) throw new Error('the page has no #root element');

  createRoot(root).render(<StrictMode>{app}</StrictMode>);
}
