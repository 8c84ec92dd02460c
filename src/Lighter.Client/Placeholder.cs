namespace Lighter.Client;
