// What the guided session (session.js) asks of the device: the screen kept awake while a
// session runs, each step spoken, a beep at the end of a timed step. Each is asked for only
// when the reader turns it on, and a device without it is left as it is.
let lock = null, audio = null;

// The sound, turned on by the reader's press (browsers start audio only then).
export function soundOn() {
  try {
    audio = audio || new (window.AudioContext || window.webkitAudioContext)();
    audio.resume();
  } catch (e) { audio = null; }
}

export function beep(tone) {
  if (!audio) {
    return;
  }
  try {
    const oscillator = audio.createOscillator(), gain = audio.createGain(), t = audio.currentTime;
    oscillator.frequency.value = tone.hertz;
    gain.gain.setValueAtTime(0.3, t);
    gain.gain.exponentialRampToValueAtTime(0.001, t + tone.seconds);
    oscillator.connect(gain).connect(audio.destination);
    oscillator.start(t);
    oscillator.stop(t + tone.seconds);
  } catch (e) { /* no sound here */ }
}

export function speak(text) {
  if (!window.speechSynthesis) {
    return;
  }
  try {
    speechSynthesis.cancel();
    const say = new SpeechSynthesisUtterance(text);
    say.lang = document.documentElement.lang || "en";
    speechSynthesis.speak(say);
  } catch (e) { /* no voice here */ }
}

export function hush() {
  if (window.speechSynthesis) {
    speechSynthesis.cancel();
  }
}

// The screen kept awake while `want`, released otherwise.
export function wake(want) {
  if (want && !lock && navigator.wakeLock) {
    lock = navigator.wakeLock.request("screen").then((sentinel) => {
      sentinel.addEventListener("release", () => { lock = null; });
      return sentinel;
    }, () => { lock = null; });
  } else if (!want && lock) {
    const held = lock;
    lock = null;
    held.then((sentinel) => sentinel && sentinel.release()).catch(() => {});
  }
}
