/** The build's converted voice clips (src/voice/voiceIntegration.ts): clip file name → sources. */
declare module 'virtual:aaben-doer/voice-clips' {
  const manifest: import('./convertClip.ts').VoiceManifest;
  export default manifest;
}
