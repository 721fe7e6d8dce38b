import { Component } from 'react';
import type { ErrorInfo, ReactNode } from 'react';

/** Props of {@link ErrorBoundary}. */
export interface ErrorBoundaryProps {
  /** What to show while failed; gets the error and the seconds until the automatic retry. */
  fallback: (error: Error, retry: () => void, retryInS: number) => ReactNode;
  /** Called before each retry (e.g. to reset failed queries). */
  onRetry?: () => void;
  /** Seconds before retrying on its own. @default 15 */
  retryAfterS?: number;
  children: ReactNode;
}

interface ErrorBoundaryState {
  error: Error | null;
}

/** Catches render errors, shows a dark message and retries by itself: a wall never goes white. */
export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { error: null };
  private timer: number | undefined;

  static getDerivedStateFromError(error: Error): ErrorBoundaryState {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('screen failed', error, info.componentStack);
    window.clearTimeout(this.timer);
    this.timer = window.setTimeout(this.retry, (this.props.retryAfterS ?? 15) * 1000);
  }

  override componentWillUnmount(): void {
    window.clearTimeout(this.timer);
  }

  readonly retry = (): void => {
    window.clearTimeout(this.timer);
    this.props.onRetry?.();
    this.setState({ error: null });
  };

  override render(): ReactNode {
    const { error } = this.state;
    if (error) return this.props.fallback(error, this.retry, this.props.retryAfterS ?? 15);
    return this.props.children;
  }
}
