/**
 * Voice on content pages, kept tiny and free of imports: the big "Listen" button plays and pauses
 * its <audio>, and "Read aloud (phone voice)" appears only when the phone has a speech voice in the
 * page's language. Runs after the first paint, so it never delays the page.
 */

function initPlayers() {
  const audios = [...document.querySelectorAll<HTMLAudioElement>('[data-voice-player] audio')];
  for (const player of document.querySelectorAll<HTMLElement>('[data-voice-player]')) {
    const button = player.querySelector<HTMLButtonElement>('[data-voice-toggle]');
    const audio = player.querySelector('audio');
    if (!button || !audio) continue;
    button.addEventListener('click', () => {
      // The player shows from her first tap: its time and seek bar (hidden before, see VoicePlayer.astro).
      delete audio.dataset.voiceWaiting;
      if (audio.paused) void audio.play();
      else audio.pause();
    });
    audio.addEventListener('play', () => {
      button.setAttribute('aria-pressed', 'true');
      // One voice at a time: starting a clip pauses any other, and the phone voice.
      for (const other of audios) if (other !== audio) other.pause();
      window.speechSynthesis?.cancel();
    });
    for (const event of ['pause', 'ended']) audio.addEventListener(event, () => button.setAttribute('aria-pressed', 'false'));
  }
}

/** The language part of a BCP 47 tag, lower case: "ar-EG" → "ar", "fa_IR" → "fa". */
const primary = (tag: string) => tag.toLowerCase().split(/[-_]/)[0];

function initPhoneVoice() {
  const button = document.querySelector<HTMLButtonElement>('[data-phone-voice]');
  if (!button || !('speechSynthesis' in window)) return;
  const lang = primary(document.documentElement.lang);
  const matching = () => speechSynthesis.getVoices().find((v) => primary(v.lang) === lang);
  const read = () => {
    const voice = matching();
    if (speechSynthesis.speaking || !voice) {
      speechSynthesis.cancel();
      return;
    }
    for (const audio of document.querySelectorAll('audio')) audio.pause();
    // One utterance per block: long utterances stop early on some phones.
    const blocks = document.querySelectorAll<HTMLElement>(`${button.dataset.phoneVoice} :is(h1, h2, h3, p, li)`);
    const texts = [...blocks].map((b) => b.innerText.trim()).filter(Boolean);
    texts.forEach((text, i) => {
      const utterance = new SpeechSynthesisUtterance(text);
      utterance.voice = voice;
      utterance.lang = voice.lang;
      if (i === 0) utterance.onstart = () => button.setAttribute('aria-pressed', 'true');
      if (i === texts.length - 1) utterance.onend = () => button.setAttribute('aria-pressed', 'false');
      speechSynthesis.speak(utterance);
    });
  };
  const offer = () => {
    button.hidden = !matching();
  };
  button.addEventListener('click', read);
  // Voices load late in Chrome: look again when the list arrives.
  speechSynthesis.addEventListener('voiceschanged', offer);
  offer();
}

function init() {
  initPlayers();
  initPhoneVoice();
}

requestAnimationFrame(() => setTimeout(init, 0));
