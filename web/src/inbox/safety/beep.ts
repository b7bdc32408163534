/** A short two-tone beep drawn with the Web Audio API: no sound file to ship. */
export function beep(): void {
  if (typeof AudioContext === 'undefined') return;
  try {
    const audio = new AudioContext();
    const gain = audio.createGain();
    gain.connect(audio.destination);
    gain.gain.setValueAtTime(0.0001, audio.currentTime);
    const tones = [880, 660];
    tones.forEach((frequency, index) => {
      const start = audio.currentTime + index * 0.22;
      const oscillator = audio.createOscillator();
      oscillator.type = 'sine';
      oscillator.frequency.setValueAtTime(frequency, start);
      gain.gain.exponentialRampToValueAtTime(0.25, start + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.2);
      oscillator.connect(gain);
      oscillator.start(start);
      oscillator.stop(start + 0.2);
    });
    window.setTimeout(() => void audio.close().catch(() => undefined), 1000);
  } catch {
    // A browser that refuses sound before any click still shows the notification.
  }
}
