// local build stand-in, never committed
