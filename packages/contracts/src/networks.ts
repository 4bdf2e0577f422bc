/** REST and WebSocket schemas of the networks feature (prefix exported names to avoid clashes). */
export {};
