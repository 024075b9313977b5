"""What every process shares: settings, its brokers, waiting for the services at start."""
