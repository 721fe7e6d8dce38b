/**
 * A short two-tone beep made with Web Audio (no sound file). Browsers only play audio after the user has
 * interacted with the page; before that this does nothing.
 */
export function playAlarmBeep(): void {
  const AudioContextClass = window.AudioContext as typeof AudioContext | undefined;
  if (AudioContextClass === undefined) return;
  const context = new AudioContextClass();
  if (context.state === 'suspended') void context.resume().catch(() => undefined);
  const gain = context.createGain();
  gain.connect(context.destination);
  gain.gain.setValueAtTime(0.0001, context.currentTime);
  [880, 660, 880].forEach((frequencyHz, i) => {
    const oscillator = context.createOscillator();
    oscillator.type = 'square';
    oscillator.frequency.value = frequencyHz;
    oscillator.connect(gain);
    const start = context.currentTime + i * 0.22;
    gain.gain.setValueAtTime(0.15, start);
    gain.gain.setValueAtTime(0.0001, start + 0.18);
    oscillator.start(start);
    oscillator.stop(start + 0.2);
  });
  setTimeout(() => void context.close().catch(() => undefined), 1200);
}

/** Shows a desktop notification when the user allowed them; clicking it focuses the page. */
export function notifyDesktop(title: string, body: string, tag: string): void {
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
  const notification = new Notification(title, { body, tag });
  notification.onclick = () => window.focus();
}

/** Asks for permission to show desktop notifications (call from a click). */
export function requestNotificationPermission(): void {
  if (typeof Notification !== 'undefined' && Notification.permission === 'default') {
    void Notification.requestPermission();
  }
}
