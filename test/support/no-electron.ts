throw new Error("'electron' was imported outside electron/main or electron/preload");
