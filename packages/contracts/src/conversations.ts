/** REST and WebSocket schemas of the conversations feature (prefix exported names to avoid clashes). */
export {};
